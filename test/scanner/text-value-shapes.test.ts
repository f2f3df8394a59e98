/**
 * Value shapes a committed-secret scan must not read as a secret (issue 11, session 38, branch prec22): a host name's
 * label or an address's local part next to `gmail`, a shell expansion followed by `:`, a query string's next
 * parameter, a markup attribute cut at its quote, a JSON flag cut with its comma, a path under a hidden folder, and a
 * JSON document stored under one setting. Each has a near miss that stays reported.
 */
import { describe, expect, it } from 'vitest';
import { benignShapeOf } from '../../src/detect/index.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('sixteen letters of a host name or an address are no Google app password', () => {
  it('leaves the labels of a domain block list and an address local part alone', () => {
    const list =
      'mailbox.example\ntopbargainsgmail.net\ngmail.com.wkzpqmhrtvbxjlcn.org\nzz.qvnrmtkpsxlwhzbd.gmail.io\n';
    expect(lines('assets/blockedDomains.txt', list)).toEqual([]);
    expect(lines('docs/contacts.md', 'gmail contact: wkzpqmhrtvbxjlcn@gmail.com\n')).toEqual([]);
  });

  it('keeps an app password beside gmail reported, also when a sentence ends after it', () => {
    expect(lines('notes.txt', 'GMAIL_APP_PASSWORD=zpqr wvtk mhxe jyud\n')).toEqual([1]);
    expect(lines('notes.txt', 'intro\nthe gmail app password: wkzpqmhrtvbxjlcn.\n')).toEqual([2]);
  });
});

describe('a password name right after `$` is a shell expansion', () => {
  it('leaves `$PWD:/dir` volume mappings in a workflow and a script alone', () => {
    const workflow =
      'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n' +
      '          docker run -v $PWD:/workspace -w /workspace node:20\n';
    expect(lines('.github/workflows/ci.yml', workflow)).toEqual([]);
    expect(lines('scripts/run.sh', 'podman run -v $PWD:/project2 app:latest\n')).toEqual([]);
  });

  it('keeps a default password in a `${NAME:-value}` expansion reported', () => {
    expect(lines('scripts/db.sh', 'export PGPASSWORD=${PGPASSWORD:-Hq7Lp2xR9}\n')).toEqual([1]);
  });
});

describe("a query string's next parameter is not part of a password", () => {
  it('leaves `roomPassword=0&name=…` in a document and a comment alone', () => {
    expect(
      lines('docs/api.md', 'curl http://localhost:3000/join?room=demo&roomPassword=0&name=guest&audio=1\n'),
    ).toEqual([]);
    expect(lines('docs/rooms.md', 'GET /rooms?id=7&pwd=0&lang=en&theme=dark\n')).toEqual([]);
  });

  it('keeps the password of a query string reported', () => {
    expect(lines('docs/db.md', 'curl https://db.fake.test/open?user=admin&password=Hq7Lp2xR9z&db=main\n')).toEqual([1]);
  });
});

describe('markup attributes are not a password value', () => {
  it('leaves a class ending in `password` followed by a bound attribute alone', () => {
    const vue =
      '<template>\n  <a-input class="cd-input-password" :class="{ show: on }">\n' +
      '  <input class="login-password" :type="kind" />\n</template>\n';
    expect(lines('src/components/InputPassword.vue', vue)).toEqual([]);
  });

  it('keeps a password in a YAML value reported', () => {
    expect(lines('config/app.yml', 'db:\n  password: "Hq7Lp2xR9!"\n')).toEqual([2]);
  });
});

describe('a JSON flag cut with its comma by a line reader is a flag', () => {
  it('leaves `"roomPassword": false,` and `"pin": null,` in a shell request body alone', () => {
    const sh = 'DATA=\'{\n  "room": "demo",\n  "roomPassword": false,\n  "passphrase": null,\n  "name": "x"\n}\'\n';
    expect(lines('scripts/join.sh', sh)).toEqual([]);
  });

  it('keeps a password string in the same request body reported', () => {
    const sh = 'DATA=\'{\n  "room": "demo",\n  "roomPassword": "Hq7Lp2xR9!",\n  "name": "x"\n}\'\n';
    expect(lines('scripts/join.sh', sh)).toEqual([3]);
  });
});

describe('a relative path under a hidden folder is a path', () => {
  it('is a path shape', () => {
    expect(benignShapeOf('.github/workflows/release-tags.yml')).toBe('path');
    expect(benignShapeOf('.config/app/settings.json')).toBe('path');
    expect(benignShapeOf('.Vq7mX2rT9kLp4sWzH8dN3bC6')).toBeUndefined();
  });

  it('leaves a resource key naming a workflow file alone', () => {
    const props = 'sonar.issue.ignore.multicriteria.e1.resourceKey=.github/workflows/release-tags.yml\n';
    expect(lines('sonar-project.properties', props)).toEqual([]);
  });
});

describe('a JSON document under one setting is judged member by member', () => {
  it('leaves credentials JSON with an empty password alone', () => {
    expect(lines('.env', 'DATABASE_CREDENTIALS_JSON={"user": "root", "password": ""}\n')).toEqual([]);
    expect(lines('.env', 'SERVICE_ACCOUNT_JSON=[{"user": "ci"}, {"user": "deploy"}]\n')).toEqual([]);
  });

  it('keeps a member that holds a password or a secret reported', () => {
    expect(lines('.env', 'DATABASE_CREDENTIALS_JSON={"user": "app", "password": "Hq7Lp2xR9!zq"}\n')).toEqual([1]);
    expect(lines('.env', 'OAUTH_JSON={"client_id": "web", "client_secret": "Vq7mX2rT9kLp4sWzH8dN3bC6"}\n')).toEqual([
      1,
    ]);
  });
});
