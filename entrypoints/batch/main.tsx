import { mountApp } from '@/components/mount-app';
import App from './App';
import './batch.css';

void mountApp(App);
