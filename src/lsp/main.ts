/** The language server's entry: `node main.js --stdio` (the VS Code extension bundles this file). */
import { startServer } from './server';

export { startServer };

if (require.main === module) startServer();
