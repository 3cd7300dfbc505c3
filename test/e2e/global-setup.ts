import type { TestProject } from 'vitest/node';
import { seedProgram, startBuiltServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    programId: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startBuiltServer();
  const { programId } = await seedProgram(server.url);
  project.provide('baseUrl', server.url);
  project.provide('programId', programId);
  return () => server.stop();
}
