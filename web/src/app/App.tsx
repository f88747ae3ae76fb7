import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react'
import { LangContext, storedLang, useT, type Lang } from './i18n.tsx'
import { installLinkInterception, useLocation } from './router.ts'
import { Loading } from '../components/State.tsx'

const views: Record<string, ComponentType> = {
  '/': lazy(() => import('../views/Overview.tsx')),
  '/compare': lazy(() => import('../views/Compare.tsx')),
  '/campaigns': lazy(() => import('../views/Campaigns.tsx')),
  '/documents': lazy(() => import('../views/Documents.tsx')),
  '/articles': lazy(() => import('../views/Articles.tsx')),
  '/sql': lazy(() => import('../views/Sql.tsx')),
  '/pipeline': lazy(() => import('../views/Pipeline.tsx')),
}
const ArticleView = lazy(() => import('../views/Article.tsx'))
const ProvinceView = lazy(() => import('../views/Province.tsx'))
const DocumentView = lazy(() => import('../views/DocumentDetail.tsx'))

const NAV: ReadonlyArray<[string, string, string]> = [
  ['/', 'Tổng quan', 'Overview'],
  ['/compare', 'So sánh tỉnh', 'Compare provinces'],
  ['/campaigns', 'Phong trào', 'Campaigns'],
  ['/documents', 'Văn bản', 'Documents'],
  ['/articles', 'Bài viết', 'Articles'],
  ['/sql', 'SQL', 'SQL console'],
  ['/pipeline', 'Thu thập', 'Pipeline'],
]

const NotFound = () => {
  const t = useT()
  return (
    <section>
      <h1>{t('Không tìm thấy trang', 'Page not found')}</h1>
      <p>
        <a href="/">{t('Về trang tổng quan', 'Back to the overview')}</a>
      </p>
    </section>
  )
}

const Shell = () => {
  const { path } = useLocation()
  const t = useT()
  const View = path.startsWith('/province/')
    ? ProvinceView
    : path.startsWith('/articles/')
      ? ArticleView
      : path.startsWith('/documents/')
        ? DocumentView
        : (views[path] ?? NotFound)
  const active = path.startsWith('/articles/')
    ? '/articles'
    : path.startsWith('/documents/')
      ? '/documents'
      : path
  // The tab and bookmarks name the view, not just the product.
  const navItem = NAV.find(([p]) => p === active)
  const viewTitle = navItem ? t(navItem[1], navItem[2]) : null
  useEffect(() => {
    document.title = viewTitle ? `${viewTitle} · Thi Đua Atlas` : 'Thi Đua Atlas'
  }, [viewTitle])
  return (
    <>
      <a className="skip" href="#main">
        {t('Bỏ qua đến nội dung', 'Skip to content')}
      </a>
      <header className="topbar">
        <a className="brand" href="/">
          Thi Đua Atlas
        </a>
        <nav aria-label={t('Điều hướng chính', 'Main navigation')}>
          <ul>
            {NAV.map(([p, vi, en]) => (
              <li key={p}>
                <a href={p} aria-current={active === p ? 'page' : undefined}>
                  {t(vi, en)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LangSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <View />
        </Suspense>
      </main>
    </>
  )
}

const LangSwitch = () => {
  const t = useT()
  return (
    <LangContext.Consumer>
      {({ lang, setLang }) => (
        <button
          type="button"
          className="lang"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          title={t('Chuyển sang tiếng Anh', 'Switch to Vietnamese')}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {lang === 'vi' ? 'EN' : 'VI'}
        </button>
      )}
    </LangContext.Consumer>
  )
}

export const App = () => {
  const [lang, setLangState] = useState<Lang>(storedLang)
  useEffect(() => installLinkInterception(), [])
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const setLang = (l: Lang) => {
    setLangState(l)
    try {
      localStorage.setItem('thidua.lang', l)
    } catch {
      // private mode: the choice just is not remembered
    }
  }
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <Shell />
    </LangContext.Provider>
  )
}
