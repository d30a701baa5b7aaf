# guarantor plan --pdf prints the brief with headless Chromium; without a
# browser it says what to install, exits 1 and leaves no partial PDF.
$GT plan --runs 500 --out out --pdf | tail -1
head -c 5 out/brief.pdf; echo
[ "$(stat -c %s out/brief.pdf)" -gt 100000 ] && echo "brief.pdf is more than 100 kB"
grep -c '<h2' out/brief.html
GT_CHROMIUM=/nonexistent/chromium $GT plan --runs 500 --out out2 --pdf > /dev/null; echo "exit $?"
ls out2/brief.pdf out2/brief.pdf.tmp 2>&1 | sed 's/.*: //'
