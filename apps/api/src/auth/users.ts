import { type Database, USER_ROLES, type UserRole, users } from '@panorama/db';
import { z } from 'zod';
import { hashPassword, newPassword } from './secrets';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;

export const NewUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: 'must be an email address' })),
    name: z.string().trim().min(1, { message: 'must not be empty' }),
    role: z.enum(USER_ROLES, { message: `must be one of ${USER_ROLES.join(', ')}` }),
    regionCode: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((value) => value || null),
    password: z.string().min(MIN_PASSWORD_LENGTH, { message: `must have at least ${MIN_PASSWORD_LENGTH} characters` }),
  })
  .refine((user) => (user.role === 'REGIONAL') === (user.regionCode !== null), {
    path: ['regionCode'],
    message: 'a REGIONAL user needs exactly one region; other roles have none',
  });

export type NewUser = z.input<typeof NewUserSchema>;

/** Creates a user; the password is stored as an argon2id hash. Returns the new user's id. */
export async function createUser(db: Database, input: NewUser): Promise<number> {
  const user = NewUserSchema.parse(input);
  const [row] = await db
    .insert(users)
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      regionCode: user.regionCode,
      passwordHash: await hashPassword(user.password),
    })
    .returning({ id: users.id });
  if (!row) throw new Error(`The user ${user.email} was not created.`);
  return row.id;
}

/** A demo account: one per role, each with a fresh random password. */
export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
  regionCode: string | null;
}

const DEMO_USERS: { email: string; name: string; role: UserRole; regionCode: string | null }[] = [
  { email: 'leadership@panorama.demo', name: 'Lena Leadership', role: 'LEADERSHIP', regionCode: null },
  { email: 'analyst@panorama.demo', name: 'Ana Analyst', role: 'ANALYST', regionCode: null },
  { email: 'nairobi@panorama.demo', name: 'Njeri Regional (Nairobi)', role: 'REGIONAL', regionCode: 'RBN' },
  { email: 'admin@panorama.demo', name: 'Adam Admin', role: 'ADMIN', regionCode: null },
];

/** Creates the demo accounts of a new embedded database; returns their credentials, to print once. */
export async function createDemoUsers(db: Database): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const user of DEMO_USERS) {
    const password = newPassword();
    await createUser(db, { ...user, password });
    accounts.push({ email: user.email, password, role: user.role, regionCode: user.regionCode });
  }
  return accounts;
}
