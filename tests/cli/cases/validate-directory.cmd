$GT validate $IN
