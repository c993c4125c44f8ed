/*
 * gauth: Google OAuth2 access tokens for bq-load, found in Application
 * Default Credentials order: an explicit --access-token-file or
 * --credentials file, GOOGLE_APPLICATION_CREDENTIALS, gcloud's well-known
 * ADC file, a token in BQ_LOAD_ACCESS_TOKEN or CLOUDSDK_AUTH_ACCESS_TOKEN,
 * then the GCE metadata server (GCE_METADATA_HOST overrides its address).
 * A service-account key is turned into an RS256 JWT exchanged at the key's
 * token_uri; an authorized_user file into a refresh-token grant.  Tokens
 * are cached for their lifetime.  No secret is ever written anywhere.
 */
#ifndef NDJ_GAUTH_H
#define NDJ_GAUTH_H

#include <stddef.h>

#include <openssl/evp.h>

#define GAUTH_SCOPE	"https://www.googleapis.com/auth/bigquery"
#define GAUTH_TOKEN_URI	"https://oauth2.googleapis.com/token"

struct gauth;
struct http;

struct gauth_opts {
	const char	*credentials;	/* --credentials, or NULL */
	const char	*token_file;	/* --access-token-file, or NULL */
	int		 anonymous;	/* no token at all (emulators) */
	long		 retry_base_ms;	/* first backoff step */
	long		 retry_cap_ms;
	int		 max_attempts;
};

/*
 * Find the credentials (nothing is fetched yet).  Returns NULL after
 * reporting a configuration error (unreadable or malformed file, no
 * source at all).  h is borrowed for the object's lifetime.
 */
struct gauth	*gauth_new(struct http *h, const struct gauth_opts *o);
void		 gauth_free(struct gauth *g);

/*
 * A valid access token (borrowed until the next gauth_* call), fetched
 * or refreshed as needed; "" when anonymous; NULL after reporting why
 * none could be had.  deadline is a time(3) value (0: none).
 */
const char	*gauth_token(struct gauth *g, long long deadline);
/* The API answered 401: forget the cached token. */
void		 gauth_invalidate(struct gauth *g);
/* Human description of the source (no secret), e.g. for --dry-run. */
const char	*gauth_describe(const struct gauth *g);
/* The key's project_id or NULL; the quota project or NULL. */
const char	*gauth_project(const struct gauth *g);
const char	*gauth_quota_project(const struct gauth *g);

/* base64url without padding of p[0, n); owned. */
char		*gauth_b64url(const void *p, size_t n);
/*
 * A signed RS256 JWT (owned; NULL with an OpenSSL error reported) with
 * header {"alg":"RS256","typ":"JWT"[,"kid"]} and claims iss, scope, aud,
 * iat, exp = iat + 3600.
 */
char		*gauth_jwt(EVP_PKEY *key, const char *kid, const char *iss,
		     const char *scope, const char *aud, long long iat);

#endif
