import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { App } from './app';
import { LanguageProvider } from './i18n/language-provider';
import { graphqlClient } from './lib/urql';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element to render the dashboard into.');

createRoot(rootElement).render(
  <StrictMode>
    <LanguageProvider>
      <GraphqlProvider value={graphqlClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </GraphqlProvider>
    </LanguageProvider>
  </StrictMode>,
);
