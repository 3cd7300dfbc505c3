import { z } from 'zod';

export const signInBody = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});
export type SignInBody = z.infer<typeof signInBody>;
