import fs from 'node:fs';
import path from 'node:path';

/**
 * A local GraphQL explorer (GraphiQL) for development, served from npm packages: the machine
 * that runs the service may have no internet, so nothing comes from a CDN.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/explorer/graphiql.min.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  '/explorer/graphiql.min.css': { file: 'graphiql/graphiql.min.css', type: 'text/css; charset=utf-8' },
  '/explorer/react.production.min.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  '/explorer/react-dom.production.min.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
};

export const EXPLORER_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>双减作业服务 · GraphQL</title>
  <link rel="stylesheet" href="/explorer/graphiql.min.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script>
    // Sign in with the login mutation, then put {"authorization": "Bearer <token>"} in Headers.
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    const defaultQuery = [
      '# 双减作业服务：先登录，再把 token 放到下方 Headers：{"authorization": "Bearer <token>"}',
      'mutation Login {',
      '  login(input: { schoolCode: "jhsy", username: "t3yw1", password: "jiaoshi2026" }) {',
      '    token',
      '    user { displayName roles }',
      '  }',
      '}',
      '',
      'query Me {',
      '  me { displayName roles teachingAssignments { class { name } subject { name } } }',
      '}',
      '',
    ].join('\\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;

/** The asset at `pathname`, or null. Files are read once and kept. */
const cache = new Map<string, Buffer>();
export function explorerAsset(pathname: string): { body: Buffer; type: string } | null {
  const asset = ASSETS[pathname];
  if (!asset) return null;
  let body = cache.get(pathname);
  if (!body) {
    // Packages may not export these files: locate each package by its package.json.
    const [pkg, ...rest] = asset.file.split('/');
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    body = fs.readFileSync(path.join(root, ...rest));
    cache.set(pathname, body);
  }
  return { body, type: asset.type };
}
