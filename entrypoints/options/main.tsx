import { mountApp } from '@/components/mount-app';
import App from './App';
import './options.css';

void mountApp(App);
