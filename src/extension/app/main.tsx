// The samlscope app as an extension page (docs/extension.md): the same routes and pages as
// dist/app, with the paths rewritten into one file (pathRewrite.ts) and without the offline
// service worker, which an extension page neither needs nor may register for its own origin's
// root. A flow from the panel arrives as a `#share=` fragment and opens as a shared state.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRouter, RouterProvider } from '@tanstack/react-router';
import { routeTree } from '../../ui/router';
import { appLocationIn, appLocationOut } from './pathRewrite';
import '../../ui/styles.css';

// TanStack Router takes every URL whose scheme is not http(s) for an external one once a rewrite
// is set (router-core isExternalUrl), and would leave chrome-extension:// pages unrouted. The
// router only ever sees paths relative to the page; a stand-in http origin to resolve them against
// (RFC 6761 `.invalid`: never a real host) keeps them internal. The page's real origin is unchanged.
const router = createRouter({
  routeTree,
  origin: 'http://samlscope-extension.invalid',
  rewrite: { input: ({ url }) => appLocationIn(url), output: ({ url }) => appLocationOut(url) },
});

const container = document.getElementById('root');
if (!container) throw new Error('app/index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router as never} />
  </StrictMode>,
);
