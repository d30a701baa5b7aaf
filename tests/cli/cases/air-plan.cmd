$GT air
