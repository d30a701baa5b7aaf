$GT air --aircraft Typhoon --base "Mihail" --at 35.1,47.8 --aar --format json
