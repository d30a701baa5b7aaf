$GT scenario
