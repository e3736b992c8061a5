/** Entry point of the action's main step (`runs.main` in action.yml → dist/action/main.js). */
import { runMain } from './run-main.js';

await runMain();
