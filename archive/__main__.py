from archive.present.cli import main

main()
