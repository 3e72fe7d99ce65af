import { mountApp } from '@/components/mount-app';
import App from './App';
import './popup.css';

void mountApp(App);
