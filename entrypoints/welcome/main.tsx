import { render } from 'preact';
import { Welcome } from '../../src/welcome/Welcome';
import '../../src/card/card.css';
import '../../src/ui/pages.css';
import { localizePage } from '../../src/ui/page-language';
import { exposeTestSend } from '../../src/shared/test-send';

localizePage(document, 'welcome_title');
render(<Welcome />, document.getElementById('app')!);
exposeTestSend();
