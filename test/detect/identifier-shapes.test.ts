/**
 * benignShapeOf (issue 11, session 36, branch hc20): a URN (RFC 8141) and a dunder identifier are names, never key
 * values, under any name; near misses that keep their verdicts. Every value is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { benignShapeOf, classifyValue, keyHolderSecret } from '../../src/detect/index.js';

describe('URNs and dunder identifiers', () => {
  it('reads them as identifiers', () => {
    expect(benignShapeOf('urn:oasis:names:tc:SAML:2.0:ac:classes:Password')).toBe('identifier');
    expect(benignShapeOf('urn:ietf:params:oauth:grant-type:jwt-bearer')).toBe('identifier');
    expect(benignShapeOf('__pushInspector5b6af7b9884e1165SessionActive__')).toBe('identifier');
    expect(classifyValue('urn:oasis:names:tc:SAML:2.0:ac:classes:Password', { name: 'password' }).secret).toBe(false);
    expect(classifyValue('__bridge7f3a9c2e1b8d4f60Ready__', { name: 'CB_KEY' }).secret).toBe(false);
  });

  it('keeps secrets that only look alike', () => {
    expect(benignShapeOf('urn Qx7vR2mK9pLw4Tz8')).toBeUndefined();
    expect(benignShapeOf('__Qx7vR2mK9p+Lw4Tz8/')).toBeUndefined();
    expect(classifyValue('_Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0a_', { name: 'apiSecret' }).secret).toBe(true);
  });
});

describe('dotted message ids with snake_case segments (session 41, prec25)', () => {
  // i18n libraries (svelte-i18n, i18next, vue-i18n) key messages by dotted paths whose leaves are often snake_case;
  // such ids sit under `titleKey`, `labelKey`, `EMPTY_STATE_KEY`.
  const ids = [
    'checkout.payment_form.card_number_label',
    'settings.billing.plan_pro.upgrade_button',
    'course.wizard.template.intro_101.subtitle',
    'dashboard.sidebar.team_members.invite_dialog_title',
    'auth.signUp.errors.password_too_short',
    // CONST_CASE segments and an i18next namespace before the path.
    'errors.SESSION_EXPIRED.description',
    'Profile.TWO_FACTOR.enable_button',
    'common:actions.copyToClipboard',
    'billing:invoices.PAST_DUE.banner',
  ];
  it('reads them as identifiers, also under key names', () => {
    for (const v of ids) expect([v, benignShapeOf(v)]).toEqual([v, 'identifier']);
    expect(classifyValue(ids[0]!, { name: 'titleKey' }).secret).toBe(false);
    expect(classifyValue(ids[3]!, { name: 'INVITE_TITLE_KEY' }).secret).toBe(false);
  });

  it('keeps secrets that only look alike', () => {
    // A run of five digits is a number, not a word; a random base64url string cut into segments is not made of
    // words.
    expect(benignShapeOf('orders.batch_48213.summary_title')).toBeUndefined();
    const random = 'q9Zx_Lm3vR7tK2pW8sYb4nHc6dFg1jQa';
    expect(benignShapeOf(`${random.slice(0, 11)}.${random.slice(11, 22)}.${random.slice(22)}`)).toBeUndefined();
    expect(
      classifyValue(`${random.slice(0, 11)}.${random.slice(11, 22)}.${random.slice(22)}`, { name: 'apiSecret' }).secret,
    ).toBe(true);
    expect(classifyValue('9fQ2xLr7_Vb3mT8wZ4k.P6nJ1h', { name: 'apiSecret' }).secret).toBe(true);
    // Capitals mixed with digits are base32 (a TOTP seed), not CONST_CASE words; a namespace does not make one dotted
    // random segment a message id, nor a namespace with a single segment.
    expect(benignShapeOf('JBSWY3DPEHPK3PXP.GEZDGNBVGY3TQOJQ.MFRGGZDFMZTWQ2LK')).toBeUndefined();
    expect(benignShapeOf('app:Q7xK2mLp9vRz.T4nW8sYb3')).toBeUndefined();
    expect(benignShapeOf('live:Q7xK2mLp9vRzT4nW8sYb3')).toBeUndefined();
    expect(keyHolderSecret('live:Q7xK2mLp9vRzT4nW8sYb3', 'stripeKey')).toBe(true);
  });
});

describe('references to a stored password (session 41, prec25)', () => {
  it('reads @keychain: and @env: references as references, not passwords', () => {
    expect(benignShapeOf('@keychain:AC_PASSWORD')).toBe('reference');
    expect(classifyValue('@env:NOTARIZE_PASSWORD', { name: 'password' }).secret).toBe(false);
  });
  it('keeps a password that only starts alike', () => {
    expect(benignShapeOf('keychain:Hq7Lp2xR9z')).toBeUndefined();
    expect(classifyValue('@keychain:Hq7Lp2xR9z!', { name: 'password' }).secret).toBe(true);
  });
});
