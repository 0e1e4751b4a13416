// An OpenID Provider not written in this project (oidc-provider), for the portal's relying-party
// tests. Everything that differs per run comes as JSON in OIDC_PEER: port, issuer, the
// provider's own signing keys, cookie keys and the clients (with their public JWK sets).
import Provider from 'oidc-provider';

const LOA2 = 'http://ftn.ficora.fi/2017/loa2';
const LOA3 = 'http://ftn.ficora.fi/2017/loa3';
const TESSA = {
  'urn:oid:1.2.246.21': '010280-952L',
  'urn:oid:2.5.4.42': 'Tessa',
  'urn:oid:2.5.4.4': 'Testilä',
};

const { port, issuer, jwks, cookieKeys, clients } = JSON.parse(process.env.OIDC_PEER);

const provider = new Provider(issuer, {
  clients,
  jwks,
  cookies: { keys: cookieKeys },
  acrValues: [LOA2, LOA3],
  claims: { openid: ['sub', 'amr'], profile: Object.keys(TESSA) },
  // Otherwise scope claims go to userinfo only, and FTN puts them in the ID token.
  conformIdTokenClaims: false,
  // By default only public clients must use PKCE.
  pkce: { required: () => true },
  // A disabled feature silently drops the client metadata that needs it.
  features: {
    devInteractions: { enabled: true },
    requestObjects: { enabled: true },
    encryption: { enabled: true },
    jwtUserinfo: { enabled: true },
  },
  findAccount: (ctx, accountId) => ({
    accountId,
    claims: () => ({ sub: accountId, ...TESSA }),
  }),
});

// The dev login form knows no levels of assurance: the login gets the level that was asked for.
const finish = provider.interactionFinished.bind(provider);
provider.interactionFinished = async (req, res, result, options) => {
  if (result.login) {
    const { params } = await provider.interactionDetails(req, res);
    const asked = String(params.acr_values ?? '').split(' ');
    result.login.acr = asked.find((value) => [LOA2, LOA3].includes(value)) ?? LOA2;
    result.login.amr = ['bank'];
  }
  return finish(req, res, result, options);
};

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${port}`));
