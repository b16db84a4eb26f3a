/** The native menu. Commands go to the renderer as `atlas:command` messages; the renderer acts on them. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'import' | 'export-view' | 'presentation' | 'language-vi' | 'language-en';

/** Handlers main runs itself (dialogs and workspace switching); everything else goes to the renderer. */
export interface MenuActions {
  openWorkspace: () => void;
  saveWorkspaceAs: () => void;
}

export function buildMenu(win: BrowserWindow, vi: boolean, actions: MenuActions): Menu {
  const send = (cmd: MenuCommand) => () => win.webContents.send('atlas:command', cmd);
  const L = (v: string, e: string) => (vi ? v : e);
  const template: MenuItemConstructorOptions[] = [
    {
      label: L('Tệp', 'File'),
      submenu: [
        { label: L('Nhập dữ liệu…', 'Import data…'), accelerator: 'CmdOrCtrl+O', click: send('import') },
        {
          label: L('Mở không gian làm việc…', 'Open workspace…'),
          accelerator: 'CmdOrCtrl+Shift+O',
          click: actions.openWorkspace,
        },
        {
          label: L('Lưu không gian làm việc thành…', 'Save workspace as…'),
          accelerator: 'CmdOrCtrl+S',
          click: actions.saveWorkspaceAs,
        },
        { type: 'separator' },
        {
          label: L('Xuất màn hình hiện tại…', 'Export current view…'),
          accelerator: 'CmdOrCtrl+E',
          click: send('export-view'),
        },
        { type: 'separator' },
        { role: 'quit', label: L('Thoát', 'Quit') },
      ],
    },
    {
      label: L('Hiển thị', 'View'),
      submenu: [
        {
          label: L('Chế độ trình chiếu', 'Presentation mode'),
          accelerator: 'F11',
          click: send('presentation'),
        },
        { type: 'separator' },
        { label: 'Tiếng Việt', type: 'radio', checked: vi, click: send('language-vi') },
        { label: 'English', type: 'radio', checked: !vi, click: send('language-en') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
