#!/usr/bin/env bash
# Checks the hotel realm end to end the way the app uses it: authorization code flow with PKCE
# for the confidential client hotel-app, a redirect_uri on an arbitrary port, the login form
# posted with a cookie jar, the code exchanged with the client secret and the code_verifier,
# and the ID token's realm_roles claim. Not part of `scripts/stack up`; run it when in doubt:
#
#   scripts/lib/check-keycloak.sh                      # every demo user, and a self-registration
#   scripts/lib/check-keycloak.sh guest@hotel.test guest guest   # one user: EMAIL PASSWORD ROLE
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REALM_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/hotel"
CLIENT_ID=hotel-app
CLIENT_SECRET=hotel-app-secret
REDIRECT_URI="http://127.0.0.1:${CHECK_REDIRECT_PORT:-45678}/auth/callback"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

ok() { printf '  \033[32mok\033[0m   %s\n' "$*"; }
bad() { printf '  \033[31mFAIL\033[0m %s\n' "$*"; failures=$((failures + 1)); }

urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# FORM-ID: the action URL of that form on the Keycloak page on stdin (HTML-unescaped).
form_action() {
  python3 -c '
import html, re, sys
m = re.search(r"<form[^>]*id=\"" + sys.argv[1] + r"\"[^>]*action=\"([^\"]+)\"", sys.stdin.read())
print(html.unescape(m.group(1)) if m else "")' "$1"
}

# A JWT's payload as JSON.
jwt_payload() {
  python3 -c '
import base64, sys
p = sys.argv[1].split(".")[1]
print(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)).decode())' "$1"
}

check_discovery() {
  local issuer
  issuer="$(curl -fsS "$REALM_URL/.well-known/openid-configuration" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["issuer"])')" ||
    { bad "discovery document at $REALM_URL/.well-known/openid-configuration"; return; }
  if [ "$issuer" = "$REALM_URL" ]; then ok "issuer is $issuer"; else bad "issuer is $issuer, expected $REALM_URL"; fi
}

# Requests that must be refused: no PKCE, and a redirect_uri on another host.
check_refusals() {
  local code
  local location
  location="$(curl -s -o /dev/null -w '%{redirect_url}' "$REALM_URL/protocol/openid-connect/auth?client_id=$CLIENT_ID&response_type=code&scope=openid&redirect_uri=$(urlenc "$REDIRECT_URI")&state=s")"
  case "$location" in
    "$REDIRECT_URI?error=invalid_request"*code_challenge*) ok "an authorization request without PKCE is refused (error=invalid_request)" ;;
    *) bad "an authorization request without PKCE was not refused (redirect: '${location:-none}')" ;;
  esac
  code="$(curl -s -o "$work/evil.html" -w '%{http_code}' "$REALM_URL/protocol/openid-connect/auth?client_id=$CLIENT_ID&response_type=code&scope=openid&redirect_uri=$(urlenc "http://127.0.0.1.evil.test/auth/callback")&code_challenge=x&code_challenge_method=S256")"
  if grep -qi 'invalid parameter: redirect_uri' "$work/evil.html"; then
    ok "a redirect_uri on another host is refused (HTTP $code)"
  else
    bad "a redirect_uri on another host was not refused (HTTP $code)"
  fi
}

# Starts an authorization request (PKCE) at ENDPOINT (auth or registrations); leaves the page in
# $work/page.html and sets verifier, state and jar.
begin_flow() {
  local endpoint="$1" challenge
  jar="$work/cookies-$RANDOM"
  verifier="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
  challenge="$(python3 -c 'import base64, hashlib, sys; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).rstrip(b"=").decode())' "$verifier")"
  state="$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
  curl -fsS -c "$jar" -b "$jar" -o "$work/page.html" \
    "$REALM_URL/protocol/openid-connect/$endpoint?client_id=$CLIENT_ID&response_type=code&scope=openid%20email%20profile&redirect_uri=$(urlenc "$REDIRECT_URI")&state=$state&nonce=n$state&code_challenge=$challenge&code_challenge_method=S256"
}

# LABEL ACTION FORM-FIELDS...: posts a form of the flow; expects the redirect to the callback with a
# code, exchanges it (client secret + code_verifier) and sets id_token and payload.
finish_flow() {
  local label="$1" action="$2" location code tokens args=()
  shift 2
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  location="$(curl -sS -o "$work/post.html" -w '%{redirect_url}' -c "$jar" -b "$jar" "${args[@]}" "$action")"
  case "$location" in
    "$REDIRECT_URI?"*) ;;
    *) bad "$label: the form did not redirect to $REDIRECT_URI (got '${location:-no redirect}')"; return 1 ;;
  esac
  code="$(python3 -c 'import sys, urllib.parse as u; q = u.parse_qs(u.urlparse(sys.argv[1]).query); print(q.get("code", [""])[0] if q.get("state", [""])[0] == sys.argv[2] else "")' "$location" "$state")"
  [ -n "$code" ] || { bad "$label: the callback has no code or a wrong state: $location"; return 1; }
  tokens="$(curl -sS -u "$CLIENT_ID:$CLIENT_SECRET" "$REALM_URL/protocol/openid-connect/token" \
    --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$REDIRECT_URI" --data-urlencode "code_verifier=$verifier")"
  id_token="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("id_token", ""))' "$tokens" 2>/dev/null)"
  [ -n "$id_token" ] || { bad "$label: token exchange failed: $tokens"; return 1; }
  payload="$(jwt_payload "$id_token")"
}

# Succeeds when the ID token's realm_roles hold ROLE and no other hotel role.
has_only_role() {
  python3 -c '
import json, sys
p = json.loads(sys.argv[1]); role = sys.argv[2]
staff = {"guest", "housekeeping", "front_desk", "manager", "admin"}
roles = set(p.get("realm_roles", []))
sys.exit(0 if role in roles and roles & staff == {role} else 1)' "$payload" "$1"
}

roles_of() { python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("realm_roles"))' "$payload"; }

# EMAIL PASSWORD ROLE: logs in through the browser flow and checks the ID token's realm_roles.
check_login() {
  local email="$1" password="$2" role="$3" action
  begin_flow auth || { bad "$email: GET authorization endpoint"; return; }
  action="$(form_action kc-form-login <"$work/page.html")"
  [ -n "$action" ] || { bad "$email: no login form on the authorization page"; return; }
  finish_flow "$email" "$action" "username=$email" "password=$password" "credentialId=" || return 0
  if has_only_role "$role"; then
    ok "$email: login -> code -> tokens; id_token realm_roles $(roles_of)"
  else
    bad "$email: id_token realm_roles should hold exactly the hotel role '$role': $payload"
  fi
  # RP-initiated logout back to the app (post.logout.redirect.uris "+").
  local back="http://127.0.0.1:45678/" location
  location="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    "$REALM_URL/protocol/openid-connect/logout?client_id=$CLIENT_ID&id_token_hint=$id_token&post_logout_redirect_uri=$(urlenc "$back")")"
  case "$location" in
    "$back"*) ok "$email: logout redirects back to $back" ;;
    *) bad "$email: logout did not redirect to $back (got '${location:-no redirect}')" ;;
  esac
}

# Self-registration: a new user gets the guest role (default-roles-hotel); deleted afterwards.
check_registration() {
  local email action admin_token id
  email="check-$(date +%s)-$RANDOM@hotel.test"
  begin_flow registrations || { bad "registration page"; return; }
  action="$(form_action kc-register-form <"$work/page.html")"
  [ -n "$action" ] || { bad "no registration form (registrationAllowed?)"; return; }
  finish_flow "registration of $email" "$action" "username=$email" "email=$email" "firstName=Check" \
    "lastName=Script" "password=Check-pass-1" "password-confirm=Check-pass-1" || return 0
  if has_only_role guest; then ok "self-registered $email gets realm_roles $(roles_of)"; else
    bad "self-registered user should be a guest: $payload"; fi
  admin_token="$(curl -sS "http://127.0.0.1:$KEYCLOAK_PORT/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
  id="$(curl -sS -H "Authorization: Bearer $admin_token" \
    "http://127.0.0.1:$KEYCLOAK_PORT/admin/realms/hotel/users?exact=true&username=$(urlenc "$email")" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"
  curl -fsS -X DELETE -H "Authorization: Bearer $admin_token" "http://127.0.0.1:$KEYCLOAK_PORT/admin/realms/hotel/users/$id" &&
    ok "deleted the test user $email again"
}

echo "Keycloak realm check against $REALM_URL (redirect_uri $REDIRECT_URI)"
check_discovery
check_refusals
if [ $# -ge 3 ]; then
  check_login "$1" "$2" "$3"
else
  check_login guest@hotel.test guest guest
  check_login housekeeping@hotel.test housekeeping housekeeping
  check_login frontdesk@hotel.test frontdesk front_desk
  check_login manager@hotel.test manager manager
  check_login admin@hotel.test admin admin
  check_registration
fi
if [ "$failures" -eq 0 ]; then echo "keycloak check: all passed"; else echo "keycloak check: $failures failed"; exit 1; fi
