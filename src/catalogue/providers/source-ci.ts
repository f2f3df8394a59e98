/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Source hosting, CI and package registries: GitHub, GitLab, Bitbucket, CircleCI, npm, PyPI, Docker Hub,
 * JFrog and others. Facts about each format come from the `provenance` page; the regexes and samples are our
 * own, and every sample value is FAKE. GitHub's classic tokens and npm's tokens carry a CRC-32 checksum, and
 * the samples were written with a throwaway generator so that positives have a correct one.
 *
 * ReDoS rule: bounded quantifiers over single character classes, no nested quantifiers.
 */
import type { CredentialFormat } from '../types.js';
import { looksGenerated } from './shapes.js';
import { hasCrc32Base62Suffix } from './checksums.js';

export const sourceCiFormats = [
  {
    // One finding per token: a token of this shape whose CRC-32 matches is `github-classic-pat` (and its kin),
    // reported critical; one whose checksum fails is mistyped, truncated or made up, and still worth a look.
    id: 'github-token-unverified',
    unverified: true,
    title: 'GitHub-shaped token whose CRC-32 checksum does not match (mistyped, truncated or made up)',
    provider: 'github',
    kind: 'token',
    severity: 'medium',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_'],
    pattern: /\b(gh[pous]_[A-Za-z0-9]{36})\b/g,
    validate: (token: string) => !hasCrc32Base62Suffix(token) && looksGenerated(token.slice(4)),
    rotate: 'If it was ever a real token, revoke it in GitHub settings; otherwise replace it with a placeholder.',
    provenance:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/' +
      'about-authentication-to-github#githubs-token-formats',
    samples: {
      positive: [
        'ghp_fAkEDStvTS0xaAGbJSvTpdKRDfUEKX2CAiUY',
        'GITHUB_TOKEN=gho_fAkECaCh8lFaYramScg0FEIyLEB5wx1cV0mX',
        'ghu_fAkEnxkjIn0nDj8KK5BfwU10Fg3CoO0Pqwa3 ghs_fAkEHdAZQtLxkLa2H0sED9ovfYXOCd1aeRyj',
      ],
      negative: [
        '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',
        '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',
        'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'npm-token-unverified',
    unverified: true,
    title: 'npm-shaped token whose CRC-32 checksum does not match (mistyped, truncated or made up)',
    provider: 'npm',
    kind: 'token',
    severity: 'medium',
    keywords: ['npm_'],
    pattern: /\b(npm_[A-Za-z0-9]{36})\b/g,
    validate: (token: string) => !hasCrc32Base62Suffix(token) && looksGenerated(token.slice(4)),
    rotate: 'If it was ever a real token, revoke it with `npm token revoke`; otherwise replace it with a placeholder.',
    provenance: 'https://docs.npmjs.com/about-access-tokens',
    samples: {
      positive: ['npm_fAkE7AuFAvbK5R1j14d0QXVo3nosKa2fOJRN', 'NPM_TOKEN=npm_fAkE7AuFAvbK5R1j14d0QXVo3nosKa2fOJRX'],
      negative: ['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', 'npm_config_registry', 'npm_' + 'x'.repeat(36)],
    },
  },
  {
    id: 'github-classic-pat',
    title: 'GitHub personal access token (classic)',
    provider: 'github',
    kind: 'token',
    severity: 'critical',
    keywords: ['ghp_'],
    pattern: /\b(ghp_[A-Za-z0-9]{36})\b/g,
    validate: hasCrc32Base62Suffix,
    rotate: 'Delete the token in GitHub settings and use a fine-grained token or a GitHub App.',
    provenance:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-git' +
      'hub#githubs-token-formats',
    samples: {
      positive: ['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', 'GITHUB_TOKEN=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'],
      negative: [
        'ghp_GfSRQrvl1xrFrAANYXCoGCPidrRV0c1T5TWa',
        'ghp_Qgf8B0qQI8lPtLgc1LzNdVhSx7ljpB',
        'ghp_ tokens are classic PATs',
      ],
    },
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    provider: 'github',
    kind: 'token',
    severity: 'high',
    keywords: ['gho_'],
    pattern: /\b(gho_[A-Za-z0-9]{36})\b/g,
    validate: hasCrc32Base62Suffix,
    rotate: 'Revoke the OAuth authorisation (user settings > Applications) or via the OAuth app API.',
    provenance:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-git' +
      'hub#githubs-token-formats',
    samples: {
      positive: [
        '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',
        'access_token=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&scope=repo',
      ],
      negative: ['gho_0NtREafwajCX0ipToXu0i7uGQhEKPK2EYLca', 'gho_FuKupARnpvuSeaM30TUKQgPUwspcljRToD0xU6Df'],
    },
  },
  {
    id: 'github-user-to-server-token',
    title: 'GitHub App user access token',
    provider: 'github',
    kind: 'token',
    severity: 'high',
    keywords: ['ghu_'],
    pattern: /\b(ghu_[A-Za-z0-9]{36})\b/g,
    validate: hasCrc32Base62Suffix,
    rotate: 'Revoke the user access token through the GitHub App API; it also expires after eight hours.',
    provenance:
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-ac' +
      'cess-token-for-a-github-app',
    samples: {
      positive: [
        'ghu_CX52rTvBkg54xJzkDpME1LoI2VPYSD4do5GC',
        'Authorization: token ghu_rYBtDXeDME8sUPBndRcW5mRVGOfZFp2fj6ml',
      ],
      negative: ['ghu_sxzYQDlfehy888FWJ58cgmauN2smUQ4MtRYa', 'ghu_ESzrg7BEiXMW'],
    },
  },
  {
    id: 'github-installation-token',
    title: 'GitHub App installation access token',
    provider: 'github',
    kind: 'token',
    severity: 'high',
    keywords: ['ghs_'],
    pattern: /\b(ghs_[A-Za-z0-9]{36})\b/g,
    validate: hasCrc32Base62Suffix,
    rotate: 'Revoke it with DELETE /installation/token; installation tokens also expire after an hour.',
    provenance:
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-instal' +
      'lation-access-token-for-a-github-app',
    samples: {
      positive: ['ghs_cSbHF5DJK9NbWJwMQ4tEPKXLXvgKzU3JBIht', 'GH_TOKEN="ghs_Gtrvx8PpgIel1n1EPXidImIEFIrOho0mC7Bz"'],
      negative: ['ghs_0YrdXGafo9484VgYA7Pgro4F3hvJ8O4HGjza', 'ghs_1RAQ9H81HmYpaZ1MHCPP9rgfx2EN1hmi9xz'],
    },
  },
  {
    id: 'github-installation-token-stateless',
    title: 'GitHub App installation access token (stateless JWT form)',
    provider: 'github',
    kind: 'token',
    severity: 'high',
    keywords: ['ghs_'],
    // `ghs_<app id>_<JWT>`, about 520 characters (rolled out from April 2026); the JWT is GitHub-internal.
    pattern: new RegExp(
      String.raw`\b(ghs_\d{1,12}_eyJ[A-Za-z0-9_-]{10,1024}\.eyJ[A-Za-z0-9_-]{10,2048}\.[A-Za-z0-9_-]{20,1024})(?!` +
        String.raw`[A-Za-z0-9_.-])`,
      'g',
    ),
    rotate: 'Revoke it with DELETE /installation/token; installation tokens also expire after an hour.',
    provenance:
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-instal' +
      'lation-access-token-for-a-github-app',
    samples: {
      positive: [
        'GITHUB_TOKEN=ghs_924052_eyJ6HZfo3rrOBZD7i49aQpnDQlxkV3fbk.eyJ31-ATgKJAzpl0dWsGXEGPXMJIMfrgs5kapgUhyJQsNp' +
          'TTZBIPeGPYZuvadAPwPjTl9WIr2BAt6lmDP6ja3pTez3s54yCABUMcDi3YyxZfmQIduYldIMYkP5tsEEhGxW5wTM8S0qFmqC3AUC6_hE' +
          'GW8HBapQbIzjkf5YMhjoIhJOTcNFGsrulIlMQaxUI8LY_HgI5mj9JDYF0UQovy3fnN280tuGBGYLbjM27zvzuUwrf58yoURFRvDPU17o' +
          'QYbKRR31Ono_Rz5QcBndmTcrUSAPdXCJVXcyNA47M7btwLgp3.58k-IzJ-_vxcHXobHEu0jxm16FM1wZ0LQ_uZAf753FXUiqw5eecFKj' +
          'SROfwmIAFi5o6dVBMoekINB6OpoB1Yoa',
        'ghs_4603507_eyJqgn3S1_BiGWZ7qWQswnMx8SmgikpLd6XHbYSFKSS.eyJrB7IldijBU0gN3cgPl8Err16MR_fD81fPamebkArIVsh6' +
          '2gEu1HT6sbDPOa0YJ59TfJuGX-Jzrp0ySN75Ju7lLiYjPadg-utYhT-EudLo74McGMqRGTQCFyVDooqFNTaDprN0guxH-w1R_sXpzTmN' +
          'blzUwBk_wSadGXVNNo-jmFAlA3bbM18adxhmZlD7g_zWb9ZVWuE.bvoTGOCBGiEGRQyKEXYIDekY2ibJHJ2e2lk8mpCwVW_',
      ],
      negative: [
        'ghs_916366_eyJvyqbtVkCpDf9btdWpLPFreK5dLBaaS',
        'ghs_462036_pKYZn1c7NGBSWn_cLysLbtnTwj6Vp7LxJiO1HHDnGK0PZCtty9CfjWHV4jpn.sBRrENAFVHUbPJU7flMmQBi3l0opLq8u' +
          '0nY4GNLS7YytyANvfGC1CTQ6Gu6w.28SPhi59E-FFkhwAHPqVlI6er0-gwxzsLOgx9gsBXrB',
      ],
    },
  },
  {
    id: 'github-refresh-token',
    title: 'GitHub App refresh token',
    provider: 'github',
    kind: 'token',
    severity: 'high',
    keywords: ['ghr_'],
    // Refresh tokens are longer than the other kinds; their checksum layout is not documented, so not checked.
    pattern: /\b(ghr_[A-Za-z0-9]{36,76})\b/g,
    rotate: 'Revoke the app authorisation for the user; the refresh token dies with it.',
    provenance:
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-acce' +
      'ss-tokens',
    samples: {
      positive: [
        'refresh_token=ghr_5pVWvvoSKEDGHfhDex5MhdsAenCxQx5f3hapzFYk4FThS2PvbWxBtEJIfS2ebfwjvd7h0w2h4LVV',
        'ghr_FrXafvXG5jVbSvzc4bBffSJcfivcoyd89cVX',
      ],
      negative: [
        'ghr_qo7qZIRtj7QXDO4S8Sn8',
        'ghr_RZKlrsisvQTB1z8xLw3K4c0JvxWb6mwQfupFQjtvHIkFKBltsnXs24vitzeLP4M187aNeCX5VJLhcuhO9kQSrjD4vL',
      ],
    },
  },
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'github',
    kind: 'token',
    severity: 'critical',
    keywords: ['github_pat_'],
    // 22 characters, `_`, 59 characters. GitHub does not document a checksum for this kind (the classic
    // CRC-32 layout does not hold on published examples), so none is checked.
    pattern: /\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
    rotate: 'Delete the token in GitHub developer settings and create one with fewer permissions and an expiry.',
    provenance:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-acce' +
      'ss-tokens',
    samples: {
      positive: [
        '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',
        'GH_PAT=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',
      ],
      negative: [
        'github_pat_11b0hGMoU7Sf9bRkQh1nfo_8CWrgCA55R4pz8dyAuQyxjdtWV7msn',
        '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',
        'export github_pat_=1',
      ],
    },
  },
  {
    id: 'gitlab-oauth-app-secret',
    title: 'GitLab OAuth application secret',
    provider: 'gitlab',
    kind: 'credential',
    severity: 'high',
    keywords: ['gloas-'],
    pattern: /\b(gloas-[a-f0-9]{64})\b/g,
    rotate: 'Renew the application secret under the OAuth application settings in GitLab.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: [
        'gloas-5c5cff4d92448f4b9a093e1ff60622b4e4bb81d02e8d0590212c0174f7820981',
        'GITLAB_OAUTH_SECRET=gloas-e55e0c557ff5a84e91a866f08b77f30c8467419a197c2f4d906d704db5048fbf',
      ],
      negative: [
        'gloas-fba6308dee2d9ae950bb9b1066a7e5ca',
        'gloas-7Gq84JtWPfUfnbjLRc6f8TXWu0Vzu7vGiTgmhjdGaTKQnNh1s8AzTMa65JzfCzMH',
      ],
    },
  },
  {
    id: 'gitlab-deploy-token',
    title: 'GitLab deploy token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'high',
    keywords: ['gldt-'],
    pattern: /\b(gldt-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the deploy token under Settings > Repository > Deploy tokens.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['gldt-1T3sRKbRBRAsQowQUWfc', 'password: gldt-r9FH3sKHx543ed7Qr2IuhRJstMMYzK8A'],
      negative: ['gldt-L6aCCZiEa6', 'prefix gldt-'],
    },
  },
  {
    id: 'gitlab-runner-auth-token',
    title: 'GitLab runner authentication token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'high',
    keywords: ['glrt-'],
    pattern: /\b(glrt-[A-Za-z0-9_.-]{20,64})(?![A-Za-z0-9_.-])/g,
    rotate: 'Reset the runner authentication token in the runner settings and re-register the runner.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['token = "glrt-8p8OttGQIxNc9AATzvmy"', 'glrt-t1_lSUZRJPM59GZDpelwhAC'],
      negative: ['glrt-g54d05jv', 'glrt-'],
    },
  },
  {
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token (deprecated)',
    provider: 'gitlab',
    kind: 'token',
    severity: 'high',
    keywords: ['gr1348941'],
    pattern: /\b(GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/g,
    rotate: 'Reset the registration token and move to runner authentication tokens.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['REGISTRATION_TOKEN=GR1348941OdSpXDaTEfk5Qi9ZfPDH', 'GR1348941aFIalQNRmG58PlPJT9rS'],
      negative: ['GR1348941dKFRy3wNAo', 'GR134894119SaWw4Ea74ljInQm7KUh_0z1IIung'],
    },
  },
  {
    id: 'gitlab-cicd-job-token',
    title: 'GitLab CI/CD job token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'medium',
    keywords: ['glcbt-'],
    pattern: /\b(glcbt-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/g,
    rotate: 'Job tokens expire with the job; cancel the job if it is still running and check its logs.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['glcbt-64_TdMba3IhVngKBNNl0xLu', 'CI_JOB_TOKEN=glcbt-Sf8fuCWlQGdhATvrZQZ3mlD3'],
      negative: ['glcbt-7ySxj', 'glcbt-'],
    },
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    title: 'GitLab pipeline trigger token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'medium',
    keywords: ['glptt-'],
    pattern: /\b(glptt-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the trigger under Settings > CI/CD > Pipeline trigger tokens.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: [
        'glptt-081b78ad30b6cc52356caddcb77e998920f67cb9',
        'curl -F token=glptt-iKcDbZgnhJOPjamz5lwV -F ref=main',
      ],
      negative: ['glptt-d402fd3c97c1', 'glptt-772c109a5585c2c4c7c00e6a27a84e7ff3b46c17eacb22d5e9'],
    },
  },
  {
    id: 'gitlab-feed-token',
    title: 'GitLab feed token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'medium',
    keywords: ['glft-'],
    pattern: /\b(glft-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Reset the feed token in user preferences > Access tokens.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: [
        'https://gitlab.com/dashboard/issues.atom?feed_token=glft-4I-_CL5gHTpIOFxXp36p',
        'glft-CAfhZkwte4wgRhNYKceDvndz',
      ],
      negative: ['glft-dOdZ', 'glft-'],
    },
  },
  {
    id: 'gitlab-incoming-mail-token',
    title: 'GitLab incoming email token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'medium',
    keywords: ['glimt-'],
    pattern: /\b(glimt-[A-Za-z0-9_-]{25,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Reset the incoming email token in user preferences > Access tokens.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: [
        'glimt-2B9EV7P0Nmz7J3OBtdp4bD565',
        'incoming+group-project-glimt-eY9yT10w56p4sy8-jAwrwzTOC-issue@example.com',
      ],
      negative: ['glimt-KTkVS-SxMZ', 'glimt-'],
    },
  },
  {
    id: 'gitlab-agent-token',
    title: 'GitLab agent for Kubernetes token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'high',
    keywords: ['glagent-'],
    pattern: /\b(glagent-[A-Za-z0-9_-]{50,64})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the agent token in Operate > Kubernetes clusters and create a new one.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: [
        'glagent-WQa1yM5wjXeV43RvGVb6TjeEMr2iQl3Pfvk04XsSgf6JR58DYI',
        'config.secret=glagent-0b0bjZL5a-pYmVRg6i2YOhmM7c0ZaVk2HdBkEQdj6oeIuNOmvj',
      ],
      negative: ['glagent-q-eGPDkvLOdDu8cykSiT0X9LUmywtS', 'glagent-'],
    },
  },
  {
    id: 'gitlab-scim-token',
    title: 'GitLab SCIM token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'high',
    keywords: ['glsoat-'],
    pattern: /\b(glsoat-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Reset the SCIM token in the group SAML SSO settings.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['glsoat-eFhj6z6iX2njFARUQnNl', 'SCIM_TOKEN=glsoat-zpYb4bSpSw6lmCzVDjSa'],
      negative: ['glsoat-9SHtlxlJuL', 'glsoat-'],
    },
  },
  {
    id: 'gitlab-feature-flags-token',
    title: 'GitLab feature flags client token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'low',
    keywords: ['glffct-'],
    pattern: /\b(glffct-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Reset the instance id token under Deploy > Feature flags > Configure.',
    provenance: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    samples: {
      positive: ['glffct-OBpLF4qQUrzoULkh0aC1', 'UNLEASH_INSTANCE_ID=glffct-B-YsPCWOZCH4zuWWM9uA'],
      negative: ['glffct-pqANS2NjVwti', 'glffct-'],
    },
  },
  {
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'bitbucket',
    kind: 'credential',
    severity: 'high',
    keywords: ['atbb'],
    pattern: /\b(ATBB[A-Za-z0-9_=.-]{32})(?![A-Za-z0-9_=.-])/g,
    rotate: 'Revoke the app password in Bitbucket personal settings and move to API tokens with scopes.',
    provenance: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
    samples: {
      positive: [
        'BITBUCKET_APP_PASSWORD=ATBB0m740qFiis59QGpJUVNkmMZli8qw9Rge',
        'https://user:ATBBKK6uPMyHcWKrFWtLwcHZLQ4w1aTJnUUN@bitbucket.org/team/repo.git',
      ],
      negative: ['ATBBH34iYMxAAicx8NFc4Vqi', 'ATBBy0V619aJ7QTzmwz08Cles5BiM2I9CDV9AIhCHfgF'],
    },
  },
  {
    id: 'circleci-personal-token',
    title: 'CircleCI personal API token',
    provider: 'circleci',
    kind: 'token',
    severity: 'high',
    keywords: ['ccipat_'],
    pattern: /\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/g,
    rotate: 'Delete the token in CircleCI user settings > Personal API Tokens.',
    provenance: 'https://circleci.com/docs/managing-api-tokens/',
    samples: {
      positive: [
        'CIRCLE_TOKEN=CCIPAT_AoFxRyYFOz8hi1qrgwu5L3_b25b7e1fd31773cc3de60712c04648ef08adc620',
        'CCIPAT_tfZ3CDqT8i6Zo40sQ4HVL4_9c99f358ea43dca2e2b59d19fcb6a43e264dd34f',
      ],
      negative: ['CCIPAT_uyxojOqogXz80XZhhelZiV_2d1c0a6f6a2d1985758d', 'CCIPAT_'],
    },
  },
  {
    id: 'circleci-project-token',
    title: 'CircleCI project API token',
    provider: 'circleci',
    kind: 'token',
    severity: 'high',
    keywords: ['cciprj_'],
    pattern: /\b(CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/g,
    rotate: 'Delete the token in the CircleCI project settings > API Permissions.',
    provenance: 'https://circleci.com/docs/managing-api-tokens/',
    samples: {
      positive: [
        'CCIPRJ_r0VDt9JBst1yzuCVJoXSwT_d837964d95b96931987471c31d99e376aa33904c',
        'token: CCIPRJ_vaWfPS0RkD2qbKzRNcwWAa_1f499ebf4376c8fc8e69e75bed23502ad38429ae',
      ],
      negative: ['CCIPRJ_4PqHzUTqG0_54978e7f19a29c90e76dc2e5131cc906d7232994', 'CCIPRJ_oH0G9IQFqbqBDAHeD9TJNU'],
    },
  },
  {
    id: 'npm-access-token',
    title: 'npm access token (checksummed)',
    provider: 'npm',
    kind: 'token',
    severity: 'critical',
    keywords: ['npm_'],
    pattern: /\b(npm_[A-Za-z0-9]{36})\b/g,
    validate: hasCrc32Base62Suffix,
    rotate: 'Revoke the token with `npm token revoke` and publish from CI with trusted publishing (OIDC).',
    provenance: 'https://docs.npmjs.com/about-access-tokens',
    samples: {
      positive: [
        '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',
        '//registry.npmjs.org/:_authToken=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',
      ],
      negative: [
        'npm_5WyhfHjgFQAKTSg9gj455iuFJd5oBL2aRdDa',
        'npm_config_registry',
        'npm_uwsxZCNpqbmOSA26GYUv2HMGpTf8Pq',
      ],
    },
  },
  {
    id: 'pypi-upload-token',
    title: 'PyPI API token',
    provider: 'pypi',
    kind: 'token',
    severity: 'critical',
    keywords: ['pypi-ageichlwas5vcmc'],
    // A PyPI token is a macaroon whose serialisation begins with the location `pypi.org`, hence the fixed run.
    pattern: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g,
    rotate: 'Remove the token in PyPI account settings and publish with trusted publishing.',
    provenance: 'https://pypi.org/help/#apitoken',
    samples: {
      positive: [
        'password = pypi-AgEIcHlwaS5vcmc-9prl1pjygGR-3-qJqR-oM8hLwCCXszIlmjKfXJqSJG1g248M9MdTlGFcK9qrDmdMIoEm2qkI' +
          'OGGACkHdC5JVH-wAc1LM79ewm1qrWyJX_7SKUksYr5m4reI5ZUISw5lpyQ4jaAPgXr8TBZASDJvKK',
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcmKo_6uXnsqsuBDBYQ8S65XqMU6ujnhYSW-CawB7uuZEncIfJQ17TKOEtlrVjCejWAuZJYf',
      ],
      negative: [
        'pypi-AgEIcHlwaS5vcmcUKVXu4qcT7HKwjrAOqTx',
        'pypi-nzPgV6zr7XnbDKCavqT7yzQYmoAwaRjTICUbYKGfIUZYasaPu9xNiZ2ozCMEGdoyyYgfnDMDJwezrhPDwRWNeYqXaBAdMihZtoZ' +
          '0gJlPk6iXomZgnI2C33Zt6eXAFb1o576m9N8I0zk2vNY0pY8oIL',
      ],
    },
  },
  {
    id: 'testpypi-upload-token',
    title: 'TestPyPI API token',
    provider: 'pypi',
    kind: 'token',
    severity: 'medium',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    pattern: /\b(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g,
    rotate: 'Remove the token in TestPyPI account settings.',
    provenance: 'https://pypi.org/help/#apitoken',
    samples: {
      positive: [
        'pypi-AgENdGVzdC5weXBpLm9yZwqdLyTGztGVT5QTFGKruYn3fzJDDUC76NQVy4oFawiNN8z326KSvXB1yngws1sPFLt6YI4fLmgsSbc' +
          'MAxsETAXKCyO7LuXf0kTWx4F9H9lsudn1MnLtltZQDb',
        'password: pypi-AgENdGVzdC5weXBpLm9yZwrYHyvi-61fdOgWwjO6hhbdu-SyPpt2caNe9OQ1uKScn-E9cZaTS3bkCfx4sc',
      ],
      negative: ['pypi-AgENdGVzdC5weXBpLm9yZwIdx4GpIZV4', 'pypi-AgENdGVzdC5weXBpLm9yZw'],
    },
  },
  {
    id: 'docker-hub-pat',
    title: 'Docker Hub personal access token',
    provider: 'docker',
    kind: 'token',
    severity: 'high',
    keywords: ['dckr_pat_'],
    pattern: /\b(dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the token in Docker Hub account settings > Personal access tokens.',
    provenance: 'https://docs.docker.com/security/for-developers/access-tokens/',
    samples: {
      positive: [
        'DOCKER_TOKEN=dckr_pat_dmvKGi9SSVtorcIIKKXkEAEJ4M3',
        'docker login -u ci -p dckr_pat_AWCIOu-kJqhx-Vet2zJpwzxxZ7p',
      ],
      negative: ['dckr_pat_tooshort', 'dckr_pat_', 'dckr_pat_o7i2GbFi9t4rThVyklqQ0YqdpjD-Q-dD6OCa_Zzg'],
    },
  },
  {
    id: 'docker-hub-oat',
    title: 'Docker Hub organization access token',
    provider: 'docker',
    kind: 'token',
    severity: 'high',
    keywords: ['dckr_oat_'],
    pattern: /\b(dckr_oat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the token in the Docker Hub organization settings > Access tokens.',
    provenance: 'https://docs.docker.com/security/for-admins/access-tokens/',
    samples: {
      positive: ['dckr_oat_NN3OIAv7gEehNejIFq68FWAe9jUDa_75', 'DOCKERHUB_TOKEN="dckr_oat_BnhMWKrCikaxvY7vhagM-Q4GPcE"'],
      negative: ['dckr_oat_hwSDMcnTbP2b', 'dckr_oat_'],
    },
  },
  {
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key (deprecated)',
    provider: 'jfrog',
    kind: 'credential',
    severity: 'high',
    keywords: ['akcp'],
    pattern: /\b(AKCp[A-Za-z0-9]{67,69})\b/g,
    rotate: 'Revoke the API key in the JFrog user profile and switch to scoped access tokens.',
    provenance: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-keys',
    samples: {
      positive: [
        'ARTIFACTORY_API_KEY=AKCp8ymJCb6tUSueNHFK6ZKeuZYtrD0k49Ltxkmr3YUm4Hq926mqK5ivDasPzoBVw6XCNji',
        'X-JFrog-Art-Api: AKCpZratsAt0TX5H6vvK9diMu1FxxFTCityNdac8Afv8PuatYxCpEtnO289zyKOusdRslnjDr',
      ],
      negative: [
        'AKCpmOAuyahN56P2mmUSS849XRAb4Zf7oR',
        'AKCpYKrgbOLvBwCYRfo7vXHM2wiB5T1sr7lutKTvPXdm6fuFUIjrSpmqCVgAU1uATjqOWzE65iZIrtvsKC8r',
      ],
    },
  },
  {
    id: 'jfrog-access-token',
    title: 'JFrog access (reference) token',
    provider: 'jfrog',
    kind: 'token',
    severity: 'high',
    keywords: ['cmvmdgtuojax'],
    // A reference token is base64 of `reftkn:01:…`.
    pattern: /\b(cmVmdGtuOjAx[A-Za-z0-9]{40,100})\b/g,
    rotate: 'Revoke the token in the JFrog Platform (Administration > User Management > Access Tokens).',
    provenance: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    samples: {
      positive: [
        'cmVmdGtuOjAxOjnto46j0025ouVvU0lcSE5YSxKBFpYwytoUTlOzzxlvIurfoaF1',
        'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj9GmCd1JTBKxyO5b3mSitjwCaQnYmYsfFIXf8N8aMTecAHesH',
      ],
      negative: ['cmVmdGtuOjAxOj8NrqRR0mEF', 'cmVmdGtuOjAx'],
    },
  },
  {
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    provider: 'buildkite',
    kind: 'token',
    severity: 'high',
    keywords: ['bkua_'],
    pattern: /\b(bkua_[a-f0-9]{40})\b/g,
    rotate: 'Revoke the token in Buildkite personal settings > API Access Tokens.',
    provenance: 'https://buildkite.com/docs/apis/managing-api-tokens',
    samples: {
      positive: [
        'BUILDKITE_API_TOKEN=bkua_8a48aa26b89846872f2fae358ede0baabeaa9761',
        'bkua_3ed435bb22ed4ae95d138063e7afcfb80090d7db',
      ],
      negative: ['bkua_515bbba881ff72620112', 'bkua_O49bewbshit8LQzj1VkUoJz1wy2FLmhqdbMJM0tC'],
    },
  },
  {
    id: 'sonarqube-user-token',
    title: 'SonarQube user token',
    provider: 'sonarqube',
    kind: 'token',
    severity: 'high',
    keywords: ['squ_'],
    pattern: /\b(squ_[a-f0-9]{40})\b/g,
    rotate: 'Revoke the token in SonarQube My Account > Security.',
    provenance: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    samples: {
      positive: [
        'SONAR_TOKEN=squ_0ec7aba7dde866b57ad4063511ea6d0ef1b0f241',
        'sonar.token=squ_d18414d5b6876962857cd7d0f2fd47dc569589fe',
      ],
      negative: ['squ_a83538a43e83dde24aca2a476dfaf5', 'squ_hA0nTKtG01rPCeJd2yheO9fCZW0QBHWsrAZALiYh'],
    },
  },
  {
    id: 'sonarqube-analysis-token',
    title: 'SonarQube project or global analysis token',
    provider: 'sonarqube',
    kind: 'token',
    severity: 'medium',
    keywords: ['sqp_', 'sqa_'],
    pattern: /\b(sq[pa]_[a-f0-9]{40})\b/g,
    rotate: 'Revoke the token in SonarQube My Account > Security.',
    provenance: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    samples: {
      positive: [
        'SONAR_TOKEN=sqp_4ae15b782015b5decfbd20bf74d2d264974dbc94',
        'sqa_51e58a5ebfe7b8bc97fc6b85bba298c71877d8a0',
      ],
      negative: ['sqp_37ddd120841371c6b29c1bcbd2969295be1ca7b', 'sqx_cd4d2130caeda8db699b2604bcce371b3a3aee08'],
    },
  },
  {
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'rubygems',
    kind: 'credential',
    severity: 'critical',
    keywords: ['rubygems_'],
    pattern: /\b(rubygems_[a-f0-9]{48})\b/g,
    rotate: 'Delete the key at rubygems.org/profile/api_keys and publish with trusted publishing.',
    provenance: 'https://guides.rubygems.org/api-key-scopes/',
    samples: {
      positive: [
        ':rubygems_api_key: rubygems_39921b9e613db1286e21dfb5c820d02044218b9c72aaab95',
        'GEM_HOST_API_KEY=rubygems_3d5bda7684b7321e8d7aef046b39a2411e93b1b5b055c766',
      ],
      negative: ['rubygems_13a43f484c5201993c77ba9c2d8fea4827b575b3', 'rubygems_api_key'],
    },
  },
  {
    id: 'nuget-api-key',
    title: 'NuGet.org API key',
    provider: 'nuget',
    kind: 'credential',
    severity: 'critical',
    keywords: ['oy2'],
    pattern: /\b(oy2[a-z0-9]{43})\b/g,
    rotate: 'Delete or regenerate the key at nuget.org/account/apikeys and use trusted publishing.',
    provenance: 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys',
    samples: {
      positive: [
        'dotnet nuget push pkg.nupkg --api-key oy2jnh2kif0rmhtkbyuchu9wgg6z28phql7v9qvb3fa4hn',
        'NUGET_API_KEY=oy23s5tnpcmwtaudg4b76kldo89ijh3th2ddwh9rn4rtb1',
      ],
      negative: ['oy26yhly693r7qjoet9wpxq', 'oy2ZYM446YOOLP6FR5EZLHIZ1COLDPWET9L2E8EX986H7W'],
    },
  },
  {
    id: 'clojars-deploy-token',
    title: 'Clojars deploy token',
    provider: 'clojars',
    kind: 'token',
    severity: 'high',
    keywords: ['clojars_'],
    pattern: /\b(CLOJARS_[a-z0-9]{60})\b/g,
    rotate: 'Disable the token at clojars.org/tokens.',
    provenance: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
    samples: {
      positive: [
        'CLOJARS_PASSWORD=CLOJARS_25twp69rwszedxv9qpc6acyp7kq7p0xve31qzmif8sigzimim6t7bfa5650h',
        'CLOJARS_czmltlifjkqvkblvciohwlmqq7fs8v0il4mnv5ll6em0qrpp71osg2ylikxo',
      ],
      negative: ['CLOJARS_USERNAME', 'CLOJARS_gecohwiyat61gic99jks2e0ok8v6yb'],
    },
  },
  {
    id: 'crates-io-token',
    title: 'crates.io API token',
    provider: 'crates.io',
    kind: 'token',
    severity: 'critical',
    keywords: ['cio'],
    pattern: /\b(cio[A-Za-z0-9]{32})\b/g,
    rotate: 'Revoke the token at crates.io/settings/tokens and publish with trusted publishing.',
    provenance: 'https://doc.rust-lang.org/cargo/reference/registry-authentication.html',
    samples: {
      positive: [
        'CARGO_REGISTRY_TOKEN=cioqiAk1mfHpKp7s0ehU93kTYvvWCYdGG0W',
        'token = "cio7pP5SFdFJYIyRYZpc2hUaT4OCMyiLvXm"',
      ],
      negative: ['cioGkcYM9kUwY3WTQR8dUtp', 'audio0Jgf4EbzGuheTMEl1wfsPPvlAqP4Rm4s'],
    },
  },
  {
    id: 'harness-api-token',
    title: 'Harness personal or service account token',
    provider: 'harness',
    kind: 'token',
    severity: 'high',
    keywords: ['pat.', 'sat.'],
    pattern: /\b((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20})\b/g,
    rotate: 'Delete the token in Harness (My Profile or the service account) and create a new one.',
    provenance: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
    samples: {
      positive: [
        'x-api-key: pat.eq9B3ITNuw1trQKnTaDDEO.635e72b3e1fac7decab0aa0b.1A4rtGG1kfFyQOHkX2GU',
        'HARNESS_TOKEN=sat.lTTt7vJXp0kp5_r51_Uz21.0d061183255ab586dc60d261.zLBrmSpRKKZXC21SEjBV',
      ],
      negative: [
        'pat.1RqQxRYZqXRLp8OY5IB3ZF.38aad26c1e.0k5zU8rshgnQKgLYRarz',
        'compat._qkKYrPdTDuifC59jTYj5n.066c42cc6f34ffa7bd3deb9a.VUgxkWEWE9pGCmw5WZXR',
      ],
    },
  },
  {
    id: 'octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    provider: 'octopus',
    kind: 'credential',
    severity: 'high',
    keywords: ['api-'],
    pattern: /\b(API-[A-Z0-9]{26,32})\b/g,
    rotate: 'Revoke the key in the Octopus user profile > API keys.',
    provenance: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    samples: {
      positive: [
        'OCTOPUS_API_KEY=API-1NK22192E47D264NQOM8EM1N49',
        'X-Octopus-ApiKey: API-DZLAYHUUAOHWKAOJST34UW7NRLOTD4',
      ],
      negative: ['API-04RZQGT38E', 'API-1nwrliw6xure7ewmgqkjrukhwu', 'REST-API-DOCS'],
    },
  },
  {
    id: 'travis-ci-token',
    title: 'Travis CI API token (named)',
    provider: 'travis',
    kind: 'token',
    severity: 'high',
    keywords: ['travis_api', 'travis_token', 'travistoken', 'travis token'],
    pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g,
    context: /travis.{0,20}(?:token|api.?key)/i,
    validate: looksGenerated,
    rotate: 'Regenerate the token in Travis CI account settings.',
    provenance: 'https://docs.travis-ci.com/user/triggering-builds/',
    samples: {
      positive: [
        'TRAVIS_TOKEN=CcYMgl2QU6dZ2P10QD1ZRO',
        'travisToken = "dh8KRTujGy36XHRGWor7po"',
        'TRAVIS_API_TOKEN=DG0IQX1SyMNzFWoy-duL8O',
        'travis token: 8FOvbCqBHkdVi9esPI2PZd',
      ],
      negative: ['TRAVIS_BRANCH=_W-sNRgc4r6CIwVOJERHBd', 'TRAVIS_API_TOKEN=XtPGdSRIWT0jNcqDvCsOx5efklj7xk'],
    },
  },
  {
    id: 'codecov-token',
    title: 'Codecov upload token (named)',
    provider: 'codecov',
    kind: 'token',
    severity: 'medium',
    keywords: ['codecov'],
    pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    context: /codecov.{0,20}token/i,
    rotate: 'Regenerate the repository upload token in Codecov settings.',
    provenance: 'https://docs.codecov.com/docs/codecov-tokens',
    samples: {
      positive: [
        'CODECOV_TOKEN=0a5cb3a5-a0e8-4d1f-a09d-2223ab651d0e',
        'codecov_token: 07b9eb8d-da11-48c0-ac7d-7f75edee4bfa',
      ],
      negative: ['CODECOV_SLUG=dc35f1aa-174b-46e3-a3f0-5901fc5eee34', 'CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}'],
    },
  },
  {
    id: 'snyk-token',
    title: 'Snyk API token (named)',
    provider: 'snyk',
    kind: 'token',
    severity: 'high',
    keywords: ['snyk'],
    pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    context: /snyk.{0,20}(?:token|api.?key|auth)/i,
    rotate: 'Revoke and regenerate the token in Snyk account settings; use a service account token in CI.',
    provenance: 'https://docs.snyk.io/snyk-api/authentication-for-api',
    samples: {
      positive: ['SNYK_TOKEN=5ed0cb58-e722-49ef-aa75-b1b44816b6a4', 'snyk auth 187d38b6-6ba6-4213-acfa-93003a5382d3'],
      negative: ['SNYK_ORG_ID=1338bf4f-9399-4f91-ae16-e7d48d6f11fa', 'SNYK_TOKEN=e97190daff0b189b81da'],
    },
  },
  {
    id: 'deno-deploy-token',
    title: 'Deno Deploy access token',
    provider: 'deno',
    kind: 'token',
    severity: 'high',
    keywords: ['ddp_', 'ddw_'],
    pattern: /\b(dd[pw]_[A-Za-z0-9]{36})\b/g,
    rotate: 'Delete the token in the Deno Deploy account or organization settings.',
    provenance: 'https://docs.deno.com/deploy/manual/api/',
    samples: {
      positive: [
        'DENO_DEPLOY_TOKEN=ddp_Q7d6QQV6AqTaQQ3Xty4B7aUWeNwSSU2b4ssW',
        'ddw_cBWTYHA4bxVwzUG5WRMbCdi1HS4MG5HBMlpi',
      ],
      negative: ['ddp_f9DUGLPfP8KbfvMh3ECo', 'ddx_pptqDD5KYWYsoQhMujUWcewayf8YYMupyoTT'],
    },
  },
  {
    id: 'sourcegraph-access-token',
    title: 'Sourcegraph access token',
    provider: 'sourcegraph',
    kind: 'token',
    severity: 'high',
    keywords: ['sgp_'],
    pattern: /\b(sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})\b/g,
    rotate: 'Delete the token in Sourcegraph user settings > Access tokens.',
    provenance: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token',
    samples: {
      positive: [
        'SRC_ACCESS_TOKEN=sgp_026f045af44b1bed_28c0d1939d672271406561acf6611cd311a9ece8',
        'sgp_9453f765e4cfee285f7ee02ead2856e6a89a03a7',
      ],
      negative: ['sgp_a1cf68503db2a7b1a486', 'sgp_zcFrm7RPy6PItx5FYjGA68itVhhtCxvP2JCFTHrz'],
    },
  },
  {
    id: 'gitea-access-token',
    title: 'Gitea or Forgejo access token (named)',
    provider: 'gitea',
    kind: 'token',
    severity: 'high',
    keywords: ['gitea', 'forgejo'],
    pattern: /(?<![a-f0-9])([a-f0-9]{40})(?![a-f0-9])/g,
    context: /(?:gitea|forgejo).{0,20}(?:token|password|api.?key)/i,
    rotate: 'Delete the token in Gitea or Forgejo user settings > Applications.',
    provenance: 'https://docs.gitea.com/development/api-usage',
    samples: {
      positive: [
        'GITEA_TOKEN=008963354cf781aebba54a352801795d86a0c982',
        'FORGEJO_TOKEN: 11b63804d5530cf1f889722fe746c6539bf4932f',
      ],
      negative: [
        'GITEA_COMMIT=db6d219f7f77fa731e1d4919235310fe60f8d781',
        'GITEA_TOKEN=44457652604bf56387147b0ee9f05308',
      ],
    },
  },
] as const satisfies readonly CredentialFormat[];
