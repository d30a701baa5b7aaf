$GT size --format json
