import { mountApp } from '@/components/mount-app';
import '../popup/popup.css';

// One UI, two hosts: the popup's App and store, told it lives in the side panel (Firefox: the
// sidebar) for the few layout differences. Nothing here is a second copy of a component.
void mountApp(
  import('../popup/App').then(({ default: App }) => () => <App host="sidePanel" />),
);
