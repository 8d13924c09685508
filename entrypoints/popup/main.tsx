import { render } from 'preact';
import { Popup } from '../../src/popup/Popup';
import '../../src/card/card.css';
import '../../src/ui/pages.css';
import { localizePage } from '../../src/ui/page-language';
import { exposeTestSend } from '../../src/shared/test-send';

localizePage(document, 'extName');
render(<Popup />, document.getElementById('app')!);
exposeTestSend();
