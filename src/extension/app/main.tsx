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

const router = createRouter({ routeTree, rewrite: { input: ({ url }) => appLocationIn(url), output: ({ url }) => appLocationOut(url) } });

const container = document.getElementById('root');
if (!container) throw new Error('app/index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router as never} />
  </StrictMode>,
);
