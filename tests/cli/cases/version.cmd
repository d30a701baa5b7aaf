$GT --version
