/**
 * Which files the engine may read on behalf of a request (import.preview / import.commit). The renderer
 * is not trusted with the file system: in the web harness it may name only files it uploaded (the
 * staging folder's `uploads/`), in Electron only those plus the paths the user picked in main's open
 * dialog. The CLI is the user at a shell and keeps full access (no policy).
 */
import fs from 'node:fs';
import path from 'node:path';

/** A predicate over absolute, resolved paths: may the engine read this file for the caller? */
export type AllowPath = (absPath: string) => boolean;

/** The path with symlinks resolved when it exists (so a link cannot point outside), else as resolved. */
export function realOrResolved(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    return abs;
  }
}

/** Is `file` strictly inside `dir` (after resolving both)? */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(realOrResolved(dir), realOrResolved(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Files uploaded into the workspace's staging folder (`<staging>/uploads/…`) and nothing else. */
export function uploadsOnly(stagingDir: string): AllowPath {
  const uploads = path.join(stagingDir, 'uploads');
  return (p) => isInside(uploads, p);
}

/**
 * An explicit grant list (Electron: the files main's open dialog returned), on top of uploads. Grants are
 * exact files compared after resolving symlinks; `grant` adds more as the user picks them.
 */
export class GrantedPaths {
  private readonly granted = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const p of paths) if (p.length > 0) this.granted.add(realOrResolved(p));
  }

  /** Granted files plus the uploads of the workspace whose staging folder is `stagingDir`. */
  allowWithUploads(stagingDir: string): AllowPath {
    const uploads = uploadsOnly(stagingDir);
    return (p) => uploads(p) || this.granted.has(realOrResolved(p));
  }
}
