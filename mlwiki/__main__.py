from mlwiki.cli import main

main()
