import { z } from 'zod';
import { emailAddress as email, text } from './validation';
import { languages } from './languages';

export const passwordMinLength = 10;

const password = text({ error: 'validation.required' })
  .min(passwordMinLength, { error: 'validation.passwordTooShort' })
  .max(128, { error: 'validation.tooLong' });

export const loginInput = z.object({
  email: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(254).toLowerCase(),
  password: text({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(128),
});
export type LoginInput = z.infer<typeof loginInput>;

export const forgotPasswordInput = z.object({ email });

export const setPasswordInput = z.object({
  token: text().min(1).max(200),
  password,
});

export const changePasswordInput = z.object({
  currentPassword: text({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(128),
  newPassword: password,
});

export const setupInput = z.object({
  token: text().min(1).max(200),
  name: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(120),
  email,
  password,
});

export const staffRoles = ['admin', 'agent'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A company the signed-in person belongs to, with their rights there. */
export const membershipView = z.object({
  companyId: z.number(),
  companyName: z.string(),
  isPortalAdmin: z.boolean(),
  seesAllTickets: z.boolean(),
  mayRequestConsulting: z.boolean(),
});

/** What the browser knows about the signed-in person. */
export const meView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.enum(languages),
  staffRole: z.enum(staffRoles).nullable(),
  memberships: z.array(membershipView),
  /** The development mailbox opens for this person (a demo without SMTP, to its system administrator). */
  devMailbox: z.boolean(),
});
export type MeView = z.infer<typeof meView>;

export const updateMeInput = z.object({ language: z.enum(languages, { error: 'validation.language' }) });
