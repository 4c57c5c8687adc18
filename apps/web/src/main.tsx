import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { LanguageProvider } from './i18n/language-provider';
import { SessionProvider } from './lib/session';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element to render the dashboard into.');

// The session provider holds who is signed in and the GraphQL client of that user.
createRoot(rootElement).render(
  <StrictMode>
    <LanguageProvider>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </LanguageProvider>
  </StrictMode>,
);
