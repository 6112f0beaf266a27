<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Banner</name>
    <message>
        <source>Show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n update subscription(s) have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: &apos;{value}&apos; is not a date; use YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warning threshold must be between 0 and 366 days (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning stages must be days between 0 and 366, e.g. 30,14,1 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a file path nor a database URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a folder; give the path of a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer License Desk (schema {revision}). Update License Desk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already holds data; demo data goes only into an empty one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add amounts in {left} and {right}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a version number like 15.3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported; nothing was written. Fix these entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a License Desk export (no &quot;format&quot;: &quot;licdesk-dataset&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export format version {version} is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file lacks the columns: {missing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no license with id {license_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the allowed values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product with SKU &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device with code &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no store named &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no base named &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends ({value}) before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error: {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to License Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your license database is empty&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separate demo database with stores, terminals and licenses in every state. Your database stays empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begin with an empty database and add licenses by activation or import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a License Desk export (.json or .csv).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Free (not bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: signature does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ended %n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, workplace PC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>License Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenseDetails</name>
    <message>
        <source>Activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred (unbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update subscription until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not bound to a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (warranty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message>
        <source>(not available)</source>
        <extracomment>Role carrying the raw value (date, int) so that exports and tests need no parsing. Role carrying the license id of the row. Role carrying the LicenseStatus of the row. Emitted after the row count or the query changed (filters, sort, refresh).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activate...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an activation code for a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renew...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote the renewal of the selected licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the event history of the selected license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export shown rows...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the rows shown (with the filter) to CSV or Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a License Desk export (.json or .csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning threshold, stages, language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;warnings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the subscriptions that end soon or have ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About License Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search product, device code, device or store (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[demo data]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing %n selected license(s). Pick a quick filter to see all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ex&amp;pired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ree</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1 days.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The next one ends today (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The next one ends on %1 (in %n day(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shown rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 licenses, %2 devices and %3 products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time License Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About License Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Licenses, update subscriptions and renewals for Mobile SMARTS and enova365.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn when a subscription ends within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up warning &amp;stages (days before the end):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices (platform 3.2+) show their own notice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter days between 0 and 366 separated by commas, e.g. 30, 14, 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningsDialog</name>
    <message>
        <source>Update subscriptions need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 subscription(s) end soon and %2 have ended.&lt;/b&gt; Installing a release dated after a subscription&apos;s end puts the product into demo mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the licenses to renew; Space toggles the current line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renew selected...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me &amp;tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New releases are available: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
