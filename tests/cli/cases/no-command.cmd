$GT
