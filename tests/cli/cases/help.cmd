$GT --help
