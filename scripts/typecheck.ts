// Type-checks each runtime against its own tsconfig, so that (for example) a DOM
// type used in shared/ or a Node import in renderer/ is a compile error.
import { spawnSync } from 'node:child_process';

const projects = [
  'tsconfig.shared.json',
  'tsconfig.node.json',
  'tsconfig.main.json',
  'tsconfig.preload.json',
  'tsconfig.renderer.json',
];
let failed = 0;
for (const project of projects) {
  const result = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`typecheck: ${project} failed`);
  }
}
if (failed > 0) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);
