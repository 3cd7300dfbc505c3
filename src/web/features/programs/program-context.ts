import { createContext, useContext } from 'react';
import type { Program } from './api/programs';

/** The programs the signed-in user works in, and the one chosen to work in now. */
interface ProgramChoice {
  programs: Program[];
  program: Program | undefined;
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
