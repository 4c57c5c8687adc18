import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { migrate, openDatabase, USER_ROLES } from '@panorama/db';
import { ZodError } from 'zod';
import { newPassword } from '../auth/secrets';
import { createUser } from '../auth/users';
import { readEnv } from '../env';

const USAGE = `Creates a Panorama user (the first admin, say) in the configured database.

  pnpm users:create --email ada@example.org --name "Ada Admin" --role ADMIN
  pnpm users:create --email rbn@example.org --name "Nairobi" --role REGIONAL --region RBN
  printf '%s' "$PASSWORD" | pnpm users:create --email … --password-stdin

Roles: ${USER_ROLES.join(', ')}. Without --password-stdin a random password is made and printed once.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.email || !values.role) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const generated = !values['password-stdin'];
  const password = generated ? newPassword() : (await text(process.stdin)).replace(/\r?\n$/, '');
  const env = readEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANORAMA_DATA_DIR });
  try {
    await migrate(database);
    await createUser(database.db, {
      email: values.email,
      name: values.name ?? values.email,
      role: values.role as (typeof USER_ROLES)[number],
      regionCode: values.region ?? null,
      password,
    });
  } finally {
    await database.close();
  }
  console.log(`Created ${values.email.toLowerCase()} (${values.role}${values.region ? ` of ${values.region}` : ''}).`);
  if (generated) console.log(`Password (shown once): ${password}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ZodError
        ? error.issues.map((issue) => `  ${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n')
        : error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
    console.error(`Could not create the user:\n${message}`);
    process.exit(1);
  },
);
