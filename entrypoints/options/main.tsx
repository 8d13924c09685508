import { render } from 'preact';
import { Options } from '../../src/options/Options';
import '../../src/card/card.css';
import '../../src/ui/pages.css';
import { localizePage } from '../../src/ui/page-language';
import { exposeTestSend } from '../../src/shared/test-send';

localizePage(document, 'options_title');
render(<Options />, document.getElementById('app')!);
exposeTestSend();
