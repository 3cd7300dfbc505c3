import { createContext, useContext } from 'react';
import type { ProgramAnswer } from '../../../shared/schemas/programs';

/** The programs the signed-in user works in, and the one chosen to work in now. */
interface ProgramChoice {
  programs: ProgramAnswer[];
  program: ProgramAnswer | undefined;
  /** Whether the user may create a program, as the programs list answered. */
  mayCreateProgram: boolean;
  setProgramId: (id: string) => void;
  reloadPrograms: () => void;
}

/** Provided by the staff app (src/web/app/StaffApp.tsx) to every screen under /app. */
export const ProgramContext = createContext<ProgramChoice | null>(null);

export function usePrograms(): ProgramChoice {
  const choice = useContext(ProgramContext);
  if (!choice) throw new Error('usePrograms outside StaffApp');
  return choice;
}
