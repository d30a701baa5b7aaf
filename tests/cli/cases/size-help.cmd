$GT size --help
