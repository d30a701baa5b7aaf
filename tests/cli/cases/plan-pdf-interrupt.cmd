# Stopped while the browser prints the brief to PDF (Ctrl-C, or here
# SIGTERM, as a background job ignores SIGINT): the browser, in a process
# group of its own that the terminal's Ctrl-C does not reach, is stopped,
# its temporary profile folder and the partial PDF are removed, and
# guarantor ends as the signal would have ended it (143 for SIGTERM). A
# stand-in browser that only waits plays Chromium.
printf '#!/bin/sh\nsleep 61.25\n' > slow-browser
chmod +x slow-browser
mkdir tmpd
TMPDIR=$PWD/tmpd GT_CHROMIUM=$PWD/slow-browser $GT plan --runs 500 --out out --pdf > /dev/null 2> err.txt &
pid=$!
# plan runs every engine first (about 30 s under the sanitizers, more on a
# loaded machine): wait up to five minutes for it to reach the browser
for i in $(seq 3000); do ls tmpd | grep -q gt-chromium && break; sleep 0.1; done
echo "profile folders while it prints: $(ls tmpd | grep -c gt-chromium)"
sleep 0.5
kill -TERM $pid
wait $pid
echo "exit $?"
echo "profile folders left: $(ls tmpd | grep -c gt-chromium)"
pgrep -f 'sleep 61[.]25' > /dev/null && echo "the browser still runs" || echo "the browser was stopped"
echo "PDF files: $(ls out | grep -c pdf)"
echo "the HTML brief was written: $(test -s out/brief.html && echo yes)"
cat err.txt
