/**
 * The last word of an environment name is its head (issue 11, session 29): `SSH_AUTH_SOCK` is the ssh-agent's socket
 * path and `…_SECRET_NAMES` a list of secret names, whatever secret word qualifies them; in a workflow env, a
 * composite action's env, a `.env` file and a compose environment list. Secrets beside them stay reported.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);
const made = (): string => randomBytes(18).toString('base64').replace(/[+/=]/g, 'x');

describe('a socket or a list of names under a secret word', () => {
  it('is not a secret in a workflow env, an action, a .env file or a compose list', () => {
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      SSH_AUTH_SOCK: /tmp/ssh_agent.sock\n' +
      '      GH_AW_SECRET_NAMES: "GITHUB_TOKEN,NPM_TOKEN"\n    steps:\n      - run: npm run build\n';
    expect(lines('.github/workflows/build.yml', workflow)).toEqual([]);
    const action =
      'runs:\n  using: composite\n  steps:\n    - run: ssh-add - <<< "${{ inputs.key }}"\n      shell: bash\n' +
      '      env:\n        SSH_AUTH_SOCK: /tmp/agent.sock\n';
    expect(lines('.github/actions/deploy/action.yaml', action)).toEqual([]);
    expect(lines('.env', 'GPG_AGENT_AUTH_SOCKET=/run/user/1000/gnupg/S.gpg-agent\nREDACT_SECRET_NAMES=A,B\n')).toEqual(
      [],
    );
    const compose = 'services:\n  ci:\n    image: acme/ci\n    environment:\n      - SSH_AUTH_SOCK=/ssh-agent\n';
    expect(lines('docker-compose.yml', compose)).toEqual([]);
  });

  it('keeps the secrets beside them reported', () => {
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      SSH_AUTH_SOCK: /tmp/ssh_agent.sock\n' +
      `      DEPLOY_SECRET: ${made()}\n      SSH_AUTH_TOKEN: ${made()}\n    steps:\n      - run: npm run build\n`;
    expect(lines('.github/workflows/build.yml', workflow)).toEqual([7, 8]);
    expect(lines('.env', `AUTH_SECRET=${made()}\nAUTH_SECRET_NAMES=AUTH_SECRET\n`)).toEqual([1]);
  });
});
