/** Entry point of the action's post step (`runs.post` in action.yml → dist/action/post.js). */
import { runPost } from './run-post.js';

await runPost();
