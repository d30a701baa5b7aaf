$GT validate --format json
