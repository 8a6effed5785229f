//! OpenID Connect authorization-code flow with PKCE, state and nonce.
use crate::{Identity, Language, RefreshToken, UsersError};
use kernel::{Email, Role};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType, CoreGenderClaim,
    CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreRevocableToken,
    CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields,
    EndSessionUrl, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenClaims, IdTokenFields, IssuerUrl,
    LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, RequestTokenError, Scope, StandardErrorResponse,
    StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};

/// Keycloak puts the realm roles here through the `realm_roles` mapper of the realm export.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RealmRoles {
    #[serde(default)]
    realm_roles: Vec<String>,
}
impl AdditionalClaims for RealmRoles {}

type TokenFields =
    IdTokenFields<RealmRoles, EmptyExtraTokenFields, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;
type HotelTokenResponse = StandardTokenResponse<TokenFields, CoreTokenType>;
type HotelClient = Client<
    RealmRoles,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    HotelTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

#[derive(Clone)]
pub struct OidcConfig {
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    /// Where the app is reached by browsers, e.g. `http://127.0.0.1:3000`.
    pub app_base_url: String,
}

/// What must survive between sending the browser to the provider and its return.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    state: String,
    nonce: String,
    pkce_verifier: String,
    /// Where to send the person once signed in (a path inside the app).
    pub return_to: String,
}

/// The outcome of a completed sign-in or refresh; the ID token is kept only to end the
/// provider's session, the refresh token to re-check the role later.
pub struct SignedIn {
    pub identity: Identity,
    pub id_token: String,
    pub refresh_token: RefreshToken,
}

#[derive(Clone)]
pub struct Oidc {
    metadata: ProviderMetadataWithLogout,
    config: OidcConfig,
    http: reqwest::Client,
}

impl Oidc {
    /// Fetches the provider's discovery document; fails when the provider is unreachable.
    pub async fn discover(config: OidcConfig) -> anyhow::Result<Self> {
        // No redirects: a token endpoint that redirects is an attack, not a feature.
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
        let issuer = IssuerUrl::new(config.issuer_url.clone())?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &http).await?;
        Ok(Self { metadata, config, http })
    }

    fn client(&self) -> anyhow::Result<HotelClient> {
        let redirect = RedirectUrl::new(format!("{}/auth/callback", self.config.app_base_url))?;
        Ok(Client::from_provider_metadata(
            self.metadata.clone(),
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// The provider URL to send the browser to, and what to remember until it returns.
    pub fn begin(&self, return_to: String) -> anyhow::Result<(String, PendingLogin)> {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client()?
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = PendingLogin {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            return_to,
        };
        Ok((url.to_string(), pending))
    }

    /// Exchanges the code and verifies the ID token (signature, issuer, audience, nonce).
    pub async fn complete(&self, pending: PendingLogin, code: String, state: String) -> Result<SignedIn, UsersError> {
        if state != pending.state {
            return Err(UsersError::SignIn("the sign-in request did not match; please try again".into()));
        }
        let client = self.client()?;
        let token = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| UsersError::Unexpected(e.into()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| UsersError::SignIn(format!("the identity provider refused the code ({e})")))?;
        let id_token = token
            .id_token()
            .ok_or_else(|| UsersError::SignIn("the identity provider sent no ID token".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
            .map_err(|e| UsersError::SignIn(format!("the ID token was not valid ({e})")))?;
        let identity = identity(claims)?;
        let refresh_token = token
            .refresh_token()
            .map(|t| RefreshToken::new(t.secret().clone()))
            .ok_or_else(|| UsersError::SignIn("the identity provider sent no refresh token".into()))?;
        Ok(SignedIn { identity, id_token: id_token.to_string(), refresh_token })
    }

    /// Asks the provider again who holds `refresh_token` (refresh-token grant) and verifies the
    /// fresh ID token. A refusal is [`UsersError::SignInEnded`] (or [`UsersError::NoRole`]);
    /// an unreachable provider is [`UsersError::Unexpected`].
    pub async fn refresh(&self, refresh_token: &RefreshToken) -> Result<SignedIn, UsersError> {
        let client = self.client()?;
        let presented = openidconnect::RefreshToken::new(refresh_token.secret().to_owned());
        let token = client
            .exchange_refresh_token(&presented)
            .map_err(|e| UsersError::Unexpected(e.into()))?
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(refused) => UsersError::SignInEnded(refused.to_string()),
                other => UsersError::Unexpected(anyhow::Error::new(other).context("refreshing the sign-in")),
            })?;
        let id_token = token
            .id_token()
            .ok_or_else(|| UsersError::SignInEnded("the identity provider sent no ID token".into()))?;
        // A refreshed ID token carries no nonce of ours to compare: signature, issuer, audience
        // and expiry still are checked.
        let claims = id_token
            .claims(&client.id_token_verifier(), |_: Option<&Nonce>| Ok(()))
            .map_err(|e| UsersError::SignInEnded(format!("the ID token was not valid ({e})")))?;
        let identity = identity(claims)?;
        // A provider that does not rotate refresh tokens sends none back: the old one still holds.
        let refresh_token = token.refresh_token().map(|t| RefreshToken::new(t.secret().clone())).unwrap_or_else(|| refresh_token.clone());
        Ok(SignedIn { identity, id_token: id_token.to_string(), refresh_token })
    }

    /// The provider's end-session URL that signs the person out there too, then returns home.
    pub fn logout_url(&self, id_token: Option<&str>) -> anyhow::Result<String> {
        let endpoint: &EndSessionUrl = self
            .metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("the identity provider has no end-session endpoint"))?;
        let home = PostLogoutRedirectUrl::new(format!("{}/", self.config.app_base_url))?;
        let mut request = LogoutRequest::from(endpoint.clone())
            .set_post_logout_redirect_uri(home)
            .set_client_id(ClientId::new(self.config.client_id.clone()));
        if let Some(token) = id_token {
            let token: openidconnect::IdToken<RealmRoles, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm> =
                token.parse()?;
            request = request.set_id_token_hint(&token);
        }
        Ok(request.http_get_url().to_string())
    }
}

/// The person an ID token names, with the highest hotel role among its `realm_roles`.
fn identity(claims: &IdTokenClaims<RealmRoles, CoreGenderClaim>) -> Result<Identity, UsersError> {
    let email = claims
        .email()
        .map(|e| e.as_str())
        .ok_or_else(|| UsersError::SignIn("your account has no email address".into()))?;
    let email = Email::parse(email).map_err(|e| UsersError::SignIn(e.to_string()))?;
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().to_owned())
        .unwrap_or_else(|| email.as_str().to_owned());
    let role = Role::highest(claims.additional_claims().realm_roles.iter().map(String::as_str)).ok_or(UsersError::NoRole)?;
    let language = claims.locale().and_then(|l| Language::from_locale(l.as_ref()));
    let email_verified = claims.email_verified().unwrap_or(false);
    Ok(Identity { subject: claims.subject().as_str().to_owned(), email, email_verified, name, role, language })
}
