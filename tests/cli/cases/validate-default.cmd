$GT validate
