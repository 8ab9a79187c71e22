# Sourced by the bench scripts: the web app (Release, Production) on a data directory, and a signed-in cookie.
#   start_web DATA_DIR PORT LOG      starts it in the background (WEB_PID), stops it on exit, waits until it answers
#   sign_in PORT USER PASSWORD_FILE  signs in through the form; sets COOKIE for curl/wrk (-H "Cookie: $COOKIE")
start_web() {
  ASPNETCORE_ENVIRONMENT=Production Lindung__DataDirectory="$1" Logging__LogLevel__Default=Warning \
    dotnet src/Lindung.Web/bin/Release/net10.0/Lindung.Web.dll --urls "http://127.0.0.1:$2" > "$3" 2>&1 &
  WEB_PID=$!
  trap 'kill $WEB_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$2/Akun/Masuk" >/dev/null && return 0; sleep 1; done
  echo "the web app did not start: see $3" >&2
  return 1
}

sign_in() {
  local jar
  jar=$(mktemp)
  local token
  token=$(curl -fs -c "$jar" "http://127.0.0.1:$1/Akun/Masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null "http://127.0.0.1:$1/Akun/Masuk" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.UserName=$2" \
    --data-urlencode "Input.Password=$(cat "$3")"
  COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  rm -f "$jar"
}
