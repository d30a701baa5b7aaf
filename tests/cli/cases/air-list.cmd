$GT air --list
